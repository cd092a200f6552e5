/**
 * The add-in's web build: the task pane (src/taskpane, also the standalone page outside Office)
 * and the ribbon's function file (src/commands), with the manifest, the icons and a local copy
 * of office.js (from the npm package @microsoft/office-js, so nothing is fetched from a CDN).
 *
 *   npm run build:web   production build into dist/ (with the one-file offline page 年报助手.html
 *                       and the help page; the manifest stays the development one)
 *   npm run build:web -- --env publicUrl=https://服务器/目录/ [--env supportContact=…]
 *                       the same for an office's own server: dist/manifest.xml points there
 *                       (see docs/deploy.md)
 *   npm start           dev server on https://localhost:3000 with office-addin-dev-certs when
 *                       certificates can be obtained; otherwise http://localhost:3000 (enough
 *                       for the standalone page and the browser tests, not for Office).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { normalizePublicUrl, renderHelpPage, rewriteManifest } = require('./scripts/deploy-manifest');
const { OneFilePagePlugin } = require('./scripts/one-file-page-plugin');
const { version: VERSION } = require('./package.json');

const PORT = 3000;
const DIST = path.resolve(__dirname, 'dist');
const OFFICE_JS = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');
/** Host scripts of other Office apps and debug builds are not needed by an Excel add-in. */
const OFFICE_JS_SKIP = ['**/*.debug.js', '**/*.map', '**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio,word,wordios}*.js', '**/outlook_strings.js', '**/*.d.ts', '**/office-vsdoc.js'];

/** HTTPS options from office-addin-dev-certs, or null when they cannot be had (e.g. Linux CI without a trust store). */
async function httpsOptions() {
  if (process.env.XXGK_HTTP === '1') return null;
  try {
    const devCerts = require('office-addin-dev-certs');
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 20000));
    return await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
  } catch (e) {
    process.stderr.write(`office-addin-dev-certs: ${e && e.message ? e.message : e}\n开发服务器改用 http://localhost:${PORT}（独立网页版可用；Office 加载项需要 https）。\n`);
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  // --env outDir=… builds elsewhere (e.g. to compare bundle sizes without touching dist/).
  const outDir = env.outDir ? path.resolve(__dirname, env.outDir) : DIST;
  const serving = !!process.env.WEBPACK_SERVE;
  const https = serving ? await httpsOptions() : null;
  // --env publicUrl=… : the deployed manifest (checked here, so a bad address stops the build at once).
  const publicUrl = env.publicUrl ? normalizePublicUrl(env.publicUrl) : null;
  const supportContact = typeof env.supportContact === 'string' ? env.supportContact : '';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
      // Chunks load relative to the page (they sit beside it): the same as 'auto' for taskpane.html,
      // and it also works for the one-file page, whose inline scripts have no address to start from.
      publicPath: '',
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npm run typecheck`; the bundle only needs the JavaScript.
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, module: 'esnext', moduleResolution: 'bundler', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            ...(publicUrl ? { transform: (xml) => rewriteManifest(xml.toString('utf8'), { publicUrl, version: VERSION }) } : {}),
          },
          { from: 'src/help/help.html', to: 'help.html', transform: (html) => renderHelpPage(html.toString('utf8'), { publicUrl, version: VERSION, supportContact }) },
          { from: OFFICE_JS, to: 'office', globOptions: { ignore: OFFICE_JS_SKIP } },
        ],
      }),
      // The standalone page as one file for offices without a server (WPS, no Node.js): production only.
      ...(dev ? [] : [new OneFilePagePlugin({ filename: '年报助手.html', page: 'taskpane.html', entry: 'taskpane', skipChunks: ['office'] })]),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      host: 'localhost',
      server: https ? { type: 'https', options: https } : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
      liveReload: dev,
    },
  };
};
