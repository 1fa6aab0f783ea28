/** First-start data. Staff accounts arrive with the staff workspace; nothing to seed before that. */
export async function seed() {}
