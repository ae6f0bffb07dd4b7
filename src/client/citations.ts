/**
 * Citation previews on touch screens and in browsers without CSS anchor
 * positioning. Without JavaScript, hover and focus open the card and a tap
 * follows the link to the reference entry; with it, the first tap opens the
 * card, a tap elsewhere or Escape closes it, and the card is kept on screen.
 */
const MARGIN = 8;
const anchored =
  CSS.supports("position-try-fallbacks: flip-inline") && CSS.supports("anchor-scope: all");

function keepOnScreen(item: HTMLElement): void {
  const card = item.querySelector<HTMLElement>(".cite-card");
  if (!card || anchored || window.matchMedia("(max-width: 40rem)").matches) return;
  card.style.removeProperty("transform");
  const rect = card.getBoundingClientRect();
  let shift = 0;
  if (rect.right > window.innerWidth - MARGIN) shift = window.innerWidth - MARGIN - rect.right;
  if (rect.left + shift < MARGIN) shift = MARGIN - rect.left;
  if (shift !== 0) card.style.transform = `translateX(${Math.round(shift)}px)`;
}

export function enhanceCitations(): void {
  const items = [...document.querySelectorAll<HTMLElement>(".cite-item")];
  if (items.length === 0) return;
  let open: HTMLElement | undefined;
  const close = () => {
    open?.classList.remove("is-open");
    open = undefined;
  };

  for (const item of items) {
    item.addEventListener("mouseenter", () => keepOnScreen(item));
    item.addEventListener("focusin", () => {
      item.classList.remove("is-dismissed");
      keepOnScreen(item);
    });
    item.addEventListener("mouseleave", () => item.classList.remove("is-dismissed"));
    const link = item.querySelector<HTMLAnchorElement>(".cite-link");
    let pointer = "mouse";
    link?.addEventListener("pointerdown", (event) => (pointer = event.pointerType));
    link?.addEventListener("click", (event) => {
      // On a touch screen the first tap opens the card; a second one follows the link.
      if ((pointer !== "touch" && pointer !== "pen") || open === item) return;
      event.preventDefault();
      close();
      open = item;
      item.classList.add("is-open");
      keepOnScreen(item);
    });
  }

  document.addEventListener("pointerdown", (event) => {
    if (open && !open.contains(event.target as Node)) close();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const focused = document.activeElement?.closest<HTMLElement>(".cite-item");
    // Escape hides a card opened by focus or hover, as tooltips do (WCAG 1.4.13).
    focused?.classList.add("is-dismissed");
    close();
  });
}
