/**
 * Rows a dashboard card lists before its "see all" link (issue 37: the
 * dashboard's HTML is proportional to a screen, not to the data). A row is
 * about 41 px tall, so a card of 8 (with its header, about 400 px) sits two
 * abreast with the next one on a laptop's first screen, and is about one
 * phone screen on its own. A card's count comes from SQL, not from its rows.
 */
export const DASHBOARD_ROWS = 8;
