/** The site's name and summary, for outputs made outside Starlight (feed, llms.txt); astro.config.mjs gives Starlight the same. */
export const SITE_NAME = "Amazon's $200B AI Bet, Explained";
export const SITE_DESCRIPTION =
	"A plain-language explainer of one article on Amazon's reported plan to put $200 billion into AI by 2026: AWS, AI across the business, hybrid and edge AI, partnerships, risks and outlook.";
