/**
 * Prerequisite cycles: one error per strongly connected component of more
 * than one article, naming a shortest cycle through its smallest slug with
 * the file and line of every edge along it.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { edgeDiagnostic } from "./edges.js";
import type { EdgeInput, GraphNode } from "./model.js";

/** One error per component of two or more articles (a self-prerequisite is never an edge). */
export function cycleErrors(
  components: readonly string[][],
  children: ReadonlyMap<string, readonly EdgeInput[]>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const component of components) {
    if (component.length < 2) continue;
    const cycle = findCycle(component, children);
    const description = cycle
      .map((e) => e.from)
      .concat(cycle[0]!.from)
      .join(" → ");
    const where = cycle
      .map((e) => `${e.to} requires ${e.from} at ${e.file}:${e.line}:${e.column}`)
      .join("; ");
    diagnostics.push(
      edgeDiagnostic(
        cycle[0]!,
        "error",
        "prerequisite-cycle",
        `Prerequisite cycle: ${description}`,
        where,
      ),
    );
  }
  return diagnostics;
}

/** Tarjan's algorithm, iterative (deep prerequisite chains must not overflow the stack). */
export function stronglyConnectedComponents(
  nodes: readonly GraphNode[],
  children: ReadonlyMap<string, readonly EdgeInput[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root.slug)) continue;
    const work: { slug: string; next: number }[] = [{ slug: root.slug, next: 0 }];
    index.set(root.slug, counter);
    low.set(root.slug, counter++);
    stack.push(root.slug);
    onStack.add(root.slug);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = children.get(frame.slug)!;
      if (frame.next < out.length) {
        const target = out[frame.next++]!.to;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ slug: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.slug, Math.min(low.get(frame.slug)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.slug, Math.min(low.get(parent.slug)!, low.get(frame.slug)!));
      if (low.get(frame.slug) === index.get(frame.slug)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.slug);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest cycle through the component's smallest slug, as the edges along it. */
function findCycle(
  component: string[],
  children: ReadonlyMap<string, readonly EdgeInput[]>,
): EdgeInput[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const via = new Map<string, EdgeInput>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    for (const edge of children.get(current)!) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let at = current; at !== start; at = via.get(at)!.from) path.unshift(via.get(at)!);
        return path;
      }
      if (!via.has(edge.to)) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return [];
}
