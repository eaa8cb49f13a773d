/** Site path of a page's Markdown twin: '/aws/' -> '/aws.md', '/' -> '/index.md'. */
export const twinPath = (page: string) => (page === '/' ? '/index.md' : `${page.replace(/\/$/, '')}.md`);
