/**
 * The one-file offline page (dist/年报助手.html): the standalone page as a single HTML file that
 * works opened from disk, with no server and no network.
 *
 * It is made from the pane's own compilation rather than a second webpack run (which would
 * double the build time): the built taskpane.html without office.js (with no Office global the
 * pane starts the standalone page at once), with the pane's script and every chunk it may load
 * later (importer, narrative writer, .xlsx reader/writer) inlined. The lazy chunks register
 * themselves in webpack's chunk array before the pane starts, so `import()` finds them loaded
 * and never fetches. The Excel adapter's chunk is left out: without Office it is never loaded.
 */
'use strict';

const { Compilation, sources } = require('webpack');

const PLUGIN = 'OneFilePagePlugin';

/**
 * Inline code must not end its <script> early: "</script" and "<!--" become "\x3C…", which means
 * the same inside JavaScript strings, templates and regular expressions, where alone they can occur.
 */
function escapeInlineScript(code) {
  return code.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

/** License notices terser moved to *.LICENSE.txt, kept as an HTML comment ("--" cannot appear in one). */
function licenseComment(texts) {
  const body = texts.filter(Boolean).join('\n').replace(/--/g, '- -').trim();
  return body ? `<!--\n${body}\n-->\n` : '';
}

/**
 * The built page turned into the one-file page: office.js and the external scripts removed, the
 * scripts inlined at the end of <body> (after #root, which the pane renders into).
 */
function inlinePage(html, scripts, licenses) {
  const withoutScripts = html.replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '');
  if (/<script\b[^>]*\bsrc=/i.test(withoutScripts)) throw new Error(`${PLUGIN}: a script tag with src was not removed`);
  const inline = scripts.map((code) => `<script>${escapeInlineScript(code)}</script>`).join('\n');
  const at = withoutScripts.lastIndexOf('</body>');
  if (at < 0) throw new Error(`${PLUGIN}: the page has no </body>`);
  return `${withoutScripts.slice(0, at)}${inline}\n${licenseComment(licenses)}${withoutScripts.slice(at)}`;
}

class OneFilePagePlugin {
  /** @param {{ filename: string, page: string, entry: string, skipChunks?: string[] }} options */
  constructor(options) {
    this.options = { skipChunks: [], ...options };
  }

  apply(compiler) {
    const { filename, page, entry, skipChunks } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      // After minification and after html-webpack-plugin has written the page (OPTIMIZE_INLINE).
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const entrypoint = compilation.entrypoints.get(entry);
        const html = compilation.getAsset(page);
        if (!entrypoint || !html) throw new Error(`${PLUGIN}: no entry "${entry}" or page "${page}"`);
        const lazy = [...entrypoint.getEntrypointChunk().getAllAsyncChunks()].filter((c) => !skipChunks.includes(c.name));
        // Lazy chunks first: they only push into webpack's chunk array; the entry's runtime then finds them.
        const files = [...lazy, ...entrypoint.chunks].flatMap((c) => [...c.files].filter((f) => f.endsWith('.js')).sort());
        const code = (file) => compilation.getAsset(file).source.source().toString();
        const license = (file) => compilation.getAsset(`${file}.LICENSE.txt`)?.source.source().toString();
        const result = inlinePage(html.source.source().toString(), files.map(code), files.map(license));
        // Already minified: the minimizer (which would also pull the license comment out again) skips it.
        compilation.emitAsset(filename, new sources.RawSource(result), { minimized: true });
      });
    });
  }
}

module.exports = { OneFilePagePlugin, escapeInlineScript, inlinePage };
