/** What simulated users say in the chat and Teams benchmarks: greetings, help, how-to and status questions, thanks, out-of-scope. */
export const chatScript: readonly string[] = [
  'hi there',
  'what can you do',
  'how do i set up the tracking pixel',
  'status of 1042',
  'my open tickets',
  'thanks!',
  "what's the weather in paris",
  'hello again',
];
