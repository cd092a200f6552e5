/**
 * The manifest and help page of a build for an office's own server
 * (`npm run build:web -- --env publicUrl=https://服务器/年报助手/`).
 *
 * The repository's manifest.xml is the development manifest (every URL on https://localhost:3000).
 * rewriteManifest() turns it into the deployed one: every URL in an attribute value or element text
 * moves under publicUrl, AppDomain becomes publicUrl's origin, SupportUrl and the "learn more" link
 * lead to the help page, and Version comes from package.json. It refuses any URL it does not
 * recognise, and a result that still mentions localhost, so a new URL in manifest.xml cannot slip
 * through unrewritten.
 */
'use strict';

const DEV_ORIGIN = 'https://localhost:3000';
const HELP_PAGE = 'help.html';
/** Written in place of the help page's contact when the build does not name one. */
const CONTACT_PLACEHOLDER = '【请管理员填写：负责本单位年报助手的科室、联系人和电话】';

/** `https://host/path` → `https://host/path/`; anything Office could not load from is refused. */
function normalizePublicUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`publicUrl「${raw}」不是完整的网址，应写成 https://服务器地址/目录/ 的形式。`);
  }
  if (url.protocol !== 'https:') throw new Error(`publicUrl 必须以 https:// 开头（Office 只加载 https 地址上的加载项），现为「${raw}」。`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`publicUrl 只能是服务器地址和目录，不能带“?”“#”或用户名密码，现为「${raw}」。`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Office manifests want up to four numbers: package.json's 0.1.0 becomes 0.1.0.0. */
function manifestVersion(packageVersion) {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:[-+].*)?$/.exec(String(packageVersion));
  if (!m) throw new Error(`package.json 的版本号「${packageVersion}」不是“主.次.修订”的形式，无法写入清单。`);
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}.0`;
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const unescapeXml = (s) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

/** Where a development URL goes in the deployed manifest; `where` names it for the error. */
function deployedUrl(devUrl, publicUrl, where) {
  if (devUrl === DEV_ORIGIN || devUrl === `${DEV_ORIGIN}/`) return new URL(publicUrl).origin;
  if (!devUrl.startsWith(`${DEV_ORIGIN}/`)) throw new Error(`manifest.xml 的 ${where} 指向「${devUrl}」，不在开发地址 ${DEV_ORIGIN} 下，不知道部署后应指向哪里。`);
  return publicUrl + devUrl.slice(DEV_ORIGIN.length + 1);
}

const looksLikeUrl = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** Rewrites one start tag's attribute values (namespace declarations are names, not addresses). */
function rewriteTag(tag, publicUrl) {
  const name = /^<([\w:.-]+)/.exec(tag)[1];
  const id = /\sid\s*=\s*"([^"]*)"/.exec(tag)?.[1];
  return tag.replace(/(\s)([\w:.-]+)(\s*=\s*)"([^"]*)"/g, (whole, space, attr, eq, escaped) => {
    const value = unescapeXml(escaped);
    if (attr.startsWith('xmlns') || !looksLikeUrl(value)) return whole;
    let url = deployedUrl(value, publicUrl, `<${name}${id ? ` id="${id}"` : ''}> 的 ${attr}`);
    // The help page, not the pane, is where "support" and "learn more" lead.
    if (name === 'SupportUrl' || (name === 'bt:Url' && id === 'GetStarted.LearnMoreUrl')) url = publicUrl + HELP_PAGE;
    return `${space}${attr}${eq}"${escapeXml(url)}"`;
  });
}

/**
 * The deployed manifest: `xml` is manifest.xml's text, `publicUrl` where dist/ will be served,
 * `version` package.json's version.
 */
function rewriteManifest(xml, { publicUrl, version }) {
  const base = normalizePublicUrl(publicUrl);
  // No "--" inside an XML comment: the command line is described, not quoted.
  const notice = '<!-- 政府信息公开年报助手：部署用清单，由 npm run build:web 按 publicUrl 生成。请勿手工修改；换地址或升级请重新构建。 -->';
  let openTag = '';
  const out = String(xml).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/[^>]*>|<[^>]*>|[^<]+/g, (token) => {
    if (token.startsWith('<!--')) return '';
    if (token.startsWith('<?')) return `${token}\n${notice}`;
    if (token.startsWith('</')) return token;
    if (token.startsWith('<')) {
      openTag = /^<([\w:.-]+)/.exec(token)[1];
      return rewriteTag(token, base);
    }
    const text = unescapeXml(token.trim());
    if (openTag === 'Version' && text) return escapeXml(manifestVersion(version));
    if (!looksLikeUrl(text)) return token;
    const url = escapeXml(deployedUrl(text, base, `<${openTag}> 的内容`));
    return token.replace(token.trim(), () => url);
  });
  if (/localhost/i.test(out)) throw new Error('生成的清单仍含有 localhost 地址，请检查 manifest.xml。');
  return out.replace(/^\s*\n/gm, '');
}

const escapeHtml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The help page (src/help/help.html) with this build's facts filled in: the manifest's address
 * (when the build has one), the version, and who to ask (or a marked blank for the admin).
 */
function renderHelpPage(template, { publicUrl, version, supportContact }) {
  const manifestUrl = publicUrl ? normalizePublicUrl(publicUrl) + 'manifest.xml' : null;
  const contact = supportContact && String(supportContact).trim() ? escapeHtml(String(supportContact).trim()) : `<mark>${CONTACT_PLACEHOLDER}</mark>`;
  const values = {
    VERSION: escapeHtml(version),
    MANIFEST_URL: manifestUrl ? `<code>${escapeHtml(manifestUrl)}</code>` : '本页所在目录下的 <code>manifest.xml</code>',
    SUPPORT_CONTACT: contact,
  };
  return String(template).replace(/\{\{(\w+)\}\}/g, (whole, key) => {
    if (!(key in values)) throw new Error(`帮助页模板中有未知的占位符 ${whole}。`);
    return values[key];
  });
}

module.exports = { DEV_ORIGIN, HELP_PAGE, CONTACT_PLACEHOLDER, normalizePublicUrl, manifestVersion, rewriteManifest, renderHelpPage };
