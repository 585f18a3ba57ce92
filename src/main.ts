import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { light } from './lib/layers/theme.ts';
import { themeProperties } from './lib/layers/theme-css.ts';
import { initialLang } from './lib/i18n/index.ts';
import { loadLanguage } from './lib/i18n/language.ts';

// The theme reaches the stylesheets as custom properties on the root, before anything is drawn. They are set
// through the CSSOM: the Content-Security-Policy admits no <style> element of the site's own.
const root = document.documentElement.style;
for (const [name, value] of Object.entries(themeProperties(light))) root.setProperty(name, value);

// A page that starts in English waits for the first view's English words (a chunk of their own: a Chinese page,
// the bench's and most visitors', never loads them before its first view). Should they fail to come, the page still
// starts, in Chinese, the language every message falls back to.
// (Not a top-level await: the English chunk imports the translation function from this entry, and a module waiting
// on a chunk that imports it would have the bundler cut the entry into pieces.)
const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');
const lang = initialLang(new URLSearchParams(location.search).get('lang'), navigator.languages ?? [navigator.language]);
const words = lang === 'zh' ? Promise.resolve() : loadLanguage(lang).catch((err: unknown) => console.warn('the English words did not load:', err));
void words.then(() => mount(App, { target }));
