/**
 * Waits, up to five seconds, until `check` holds: for what reaches the API through a database
 * notification (a change made by another instance, or by hand in SQL), which takes milliseconds.
 */
export async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition did not come true within five seconds');
}
