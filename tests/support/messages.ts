// Unit and component tests see the app as it is once its first view is drawn: the core's panel messages (which the
// app loads beside its first panel, card or tour; see loadMessages) are registered. The first view's own words
// are checked apart from them (tests/unit/first-view-messages.test.ts).
import '../../src/lib/i18n/panels.ts';
// And the first view's English words, which an English page loads before it starts (see loadLanguage).
import '../../src/lib/i18n/english.ts';
