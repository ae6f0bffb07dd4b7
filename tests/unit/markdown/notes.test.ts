import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { NOTE_CLOSING, noteOpening, type NoteInput } from "../../../src/markdown/notes.js";

/** A note as the renderer writes it: the opening, the content's HTML, the closing. */
const renderNote = ({ contentHtml, ...note }: NoteInput & { contentHtml: string }) =>
  noteOpening(note) + contentHtml + NOTE_CLOSING;

const parse = (html: string) =>
  parseHTML(`<!doctype html><html><body><p>${html}</p></body></html>`).document;

describe("the note renderer", () => {
  it("renders a numbered sidenote: a checkbox toggle, a labelled reference and the note", () => {
    const html = renderNote({
      kind: "sidenote",
      index: 3,
      label: "Sidenote",
      contentHtml: "A <em>note</em>.",
    });
    expect(html).toBe(
      '<input type="checkbox" id="sidenote-3" class="note-toggle">' +
        '<label for="sidenote-3" class="note-ref sidenote-ref" title="Sidenote 3">' +
        '<span class="visually-hidden">Sidenote 3</span><span aria-hidden="true">3</span></label>' +
        '<span class="sidenote" id="sidenote-3-text"><span class="sidenote-number" aria-hidden="true">3</span> A <em>note</em>.</span>',
    );
  });

  it("renders a margin note without a number, with a ⊕ mark", () => {
    const document = parse(
      renderNote({ kind: "marginnote", index: 1, label: "Margin note", contentHtml: "Aside" }),
    );
    const input = document.querySelector("input")!;
    expect(input.id).toBe("marginnote-1");
    const label = document.querySelector("label")!;
    expect(label.getAttribute("for")).toBe("marginnote-1");
    expect(label.className).toBe("note-ref marginnote-ref");
    expect(label.querySelector('[aria-hidden="true"]')?.textContent).toBe("⊕");
    expect(label.querySelector(".visually-hidden")?.textContent).toBe("Margin note 1");
    const note = document.querySelector("span.marginnote")!;
    expect(note.id).toBe("marginnote-1-text");
    expect(note.querySelector(".sidenote-number")).toBeNull();
    expect(note.innerHTML).toBe("Aside");
  });

  it("escapes the label but inserts the content as HTML", () => {
    const html = renderNote({
      kind: "sidenote",
      index: 1,
      label: 'Note "<x>"',
      contentHtml: "<b>bold</b>",
    });
    const document = parse(html);
    expect(document.querySelector("label")?.getAttribute("title")).toBe('Note "<x>" 1');
    expect(document.querySelector(".visually-hidden")?.textContent).toBe('Note "<x>" 1');
    expect(document.querySelector("x")).toBeNull();
    expect(document.querySelector(".sidenote b")?.textContent).toBe("bold");
  });
});
