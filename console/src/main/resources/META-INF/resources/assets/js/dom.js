// Vue's runtime build with render functions, so the pages need no eval: the gateway's page policy allows scripts
// from this site only (ADR 0012), and Vue's template compiler would need 'unsafe-eval'. Pages build their markup
// with h() from here; model() is v-model, show() is v-if.
import {
  h, vModelCheckbox, vModelRadio, vModelSelect, vModelText, withDirectives,
} from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';

export { h };

const MODELS = { text: vModelText, select: vModelSelect, checkbox: vModelCheckbox, radio: vModelRadio };

/**
 * A form control bound to target[key] as v-model binds it. kind: text (also textarea), number, trim, select,
 * checkbox, radio.
 */
export function model(tag, props, target, key, kind = 'text', children) {
  const directive = MODELS[kind] || vModelText;
  const modifiers = kind === 'number' ? { number: true } : kind === 'trim' ? { trim: true } : undefined;
  const node = h(tag, { ...props, 'onUpdate:modelValue': (value) => { target[key] = value; } }, children);
  return withDirectives(node, [[directive, target[key], undefined, modifiers]]);
}

/** The children when the condition holds, else nothing. */
export function show(condition, children) {
  if (!condition) return null;
  return typeof children === 'function' ? children() : children;
}

/** A label and its control, linked by id. */
export function field(id, label, control, hint) {
  return [h('label', { for: id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null];
}
