/**
 * Chat messages that have nothing to do with the product: weather, sports,
 * food, jokes, travel, small talk. The help center must never answer them
 * confidently. Written for this test, not taken from the question sets.
 */
export const OFF_TOPIC_CHAT: readonly string[] = [
  'whats the weather in paris',
  "what's the weather like tomorrow",
  'will it rain in london this weekend',
  'whats up',
  'how are you',
  'how are you doing today?',
  'who won the game last night',
  'did the lakers win',
  'what time does the football match start',
  'give me a good recipe for banana bread',
  'how do i make pasta carbonara',
  'how long should i boil an egg',
  'tell me a joke',
  'know any good jokes?',
  'best cheap flights to tokyo',
  'what should i see in rome on vacation',
  'recommend a hotel in barcelona',
  'who is the president of france',
  'what is the meaning of life',
  'good morning!',
  'lol thats funny',
  'what movie should i watch tonight',
  'can you sing a song',
  'how tall is mount everest',
  'whats your favourite color',
];
