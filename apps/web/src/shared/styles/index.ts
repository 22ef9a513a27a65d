/**
 * Global styles for both bundles, all from npm packages (the platform runs offline: no CDN).
 * gov.br DS asks for Rawline, which is not published on npm; its declared fallback Raleway is.
 */
import '@fontsource/raleway/latin-400.css';
import '@fontsource/raleway/latin-500.css';
import '@fontsource/raleway/latin-600.css';
import '@fontsource/raleway/latin-700.css';
import '@fortawesome/fontawesome-free/css/all.min.css';
import '@govbr-ds/core/dist/core.min.css';
import './app.css';
