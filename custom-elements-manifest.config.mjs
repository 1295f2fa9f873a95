// `npm run manifest`: the custom-elements manifest (custom-elements.json) of the web components,
// read from the TSDoc of the element classes (@summary, @event, @csspart, @cssproperty, @slot).
// docs/api.md is generated from it by scripts/api-doc.mjs.

/**
 * Tags are registered through constants (`defineElement(LOCATION_CHECK_TAG, NaLocationCheck)` or
 * `customElements.define(ADDRESS_SEARCH_TAG, NaAddressSearch)`), which the analyzer does not
 * resolve. This plugin reads the string constants and the define calls, sets each class's
 * `tagName` and adds the `custom-element-definition` export to the define module.
 */
function resolveTagConstants() {
  const constants = new Map(); // constant name → tag
  const calls = []; // { module, tagRef, className }
  return {
    name: 'na-resolve-tag-constants',
    analyzePhase({ ts, node, moduleDoc }) {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer !== undefined &&
        ts.isStringLiteral(node.initializer) &&
        /^na-[a-z0-9-]+$/.test(node.initializer.text)
      ) {
        constants.set(node.name.text, node.initializer.text);
      }
      if (ts.isCallExpression(node) && node.arguments.length >= 2) {
        const callee = node.expression.getText();
        const [tagArg, classArg] = node.arguments;
        if (
          (callee === 'defineElement' || callee === 'customElements.define') &&
          ts.isIdentifier(classArg)
        ) {
          const tagRef = ts.isStringLiteral(tagArg)
            ? { literal: tagArg.text }
            : { id: tagArg.getText() };
          calls.push({ module: moduleDoc.path, tagRef, className: classArg.text });
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.kind === 'class' && d.customElement) classes.set(d.name, { mod, d });
        }
      }
      // Drop definitions the analyzer guessed from generic code (`customElements.define(tag, ctor)`).
      for (const mod of customElementsManifest.modules) {
        if (mod.exports === undefined) continue;
        mod.exports = mod.exports.filter(
          (e) => e.kind !== 'custom-element-definition' || classes.has(e.declaration?.name),
        );
      }
      for (const call of calls) {
        const tag = call.tagRef.literal ?? constants.get(call.tagRef.id);
        const found = classes.get(call.className);
        if (tag === undefined || found === undefined) continue;
        found.d.tagName = tag;
        const defineModule = customElementsManifest.modules.find((m) => m.path === call.module);
        if (defineModule === undefined) continue;
        defineModule.exports = (defineModule.exports ?? []).filter(
          (e) => e.kind !== 'custom-element-definition' || e.name === tag,
        );
        if (!defineModule.exports.some((e) => e.kind === 'custom-element-definition')) {
          defineModule.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: call.className, module: found.mod.path },
          });
        }
      }
    },
  };
}

/**
 * The package ships compiled JavaScript: module paths point at `dist/…/*.js` (what a consumer's
 * tools open), not at the TypeScript sources.
 */
function distPaths() {
  const toDist = (path) =>
    typeof path === 'string' && path.endsWith('.ts') && !path.startsWith('dist/')
      ? `dist/${path.replace(/\.ts$/, '.js')}`
      : path;
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'path' || k === 'module') && typeof v === 'string') value[k] = toDist(v);
        else visit(v);
      }
    }
  };
  return {
    name: 'na-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      visit(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.spec.ts', 'widgets/**/messages.ts', 'widgets/**/messages-*.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [resolveTagConstants(), distPaths()],
};
