import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { light } from './lib/layers/theme.ts';
import { themeProperties } from './lib/layers/theme-css.ts';

// The theme reaches the stylesheets as custom properties on the root, before anything is drawn. They are set
// through the CSSOM: the Content-Security-Policy admits no <style> element of the site's own.
const root = document.documentElement.style;
for (const [name, value] of Object.entries(themeProperties(light))) root.setProperty(name, value);

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');
export default mount(App, { target });
