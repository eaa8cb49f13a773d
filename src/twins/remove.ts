/** Removes the nodes `test` picks from a tree (with their children). */
import type { Node, Parent } from 'unist';

export function remove(tree: Node, test: (node: Node) => boolean): void {
	const walk = (node: Node) => {
		const parent = node as Parent;
		if (!Array.isArray(parent.children)) return;
		parent.children = parent.children.filter((child) => !test(child));
		parent.children.forEach(walk);
	};
	walk(tree);
}
