// The page's language, told to the browser (ui/language.py runs this once per session and
// language): the html element's lang, for screen readers and the choice of CJK glyphs, and, where the
// language writes 0,7, a comma typed or pasted into a number field read as its decimal
// point. Streamlit's number fields are the browser's own number input, which drops
// a comma: "0,7" became 7, a wrong value without a word. (No angle brackets in this file:
// st.html reads the script as HTML first.)
((tag, decimalComma) => {
  const root = document.documentElement;
  root.lang = tag;
  root.dataset.decimalComma = decimalComma ? "1" : "0";
  // One listener a page, whatever the language.
  if (window.nnsineDecimalComma) return;
  window.nnsineDecimalComma = true;
  const numberField = (target) =>
    root.dataset.decimalComma === "1" && target instanceof HTMLInputElement &&
    target.type === "number";
  document.addEventListener("beforeinput", (event) => {
    if (numberField(event.target) && event.inputType === "insertText" && event.data === ",") {
      event.preventDefault();
      document.execCommand("insertText", false, ".");
    }
  }, true);
  document.addEventListener("paste", (event) => {
    const text = event.clipboardData ? event.clipboardData.getData("text") : "";
    if (numberField(event.target) && /^\s*[-+]?\d*,\d+\s*$/.test(text)) {
      event.preventDefault();
      document.execCommand("insertText", false, text.trim().replace(",", "."));
    }
  }, true);
})
