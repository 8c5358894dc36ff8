// The tuner's words come from Python, translated (nnsine/frontend_words.py, in
// data.words): here only their `{name}` placeholders are filled. No English is kept here;
// a key Python did not send is shown as the key (a bug to see, not a hidden sentence).
export function say(words, key, params = {}) {
  const template = words && typeof words[key] === "string" ? words[key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (
    name in params ? String(params[name]) : whole));
}

// ["a", "b", "c"] -> "a, b, c" in the language's own way of listing (its "{first}, {second}").
export function list(words, items) {
  return items.reduce((first, second) => say(words, "list_separator", { first, second }));
}
