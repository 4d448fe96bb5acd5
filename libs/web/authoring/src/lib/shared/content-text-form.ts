import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { ContentText } from '@border-academy/shared-contracts';

/** One text field per content language, as a form group keyed by language code. */
export type ContentTextGroup = FormGroup<Record<string, FormControl<string>>>;

/** A group of per-language controls; `required` makes the given language (the default one) mandatory. */
export function contentTextGroup(
  languages: readonly string[],
  initial: ContentText | null | undefined,
  options: { required?: string; maxLength?: number } = {},
): ContentTextGroup {
  const controls: Record<string, FormControl<string>> = {};
  for (const code of languages) {
    const validators: ValidatorFn[] = options.maxLength ? [Validators.maxLength(options.maxLength)] : [];
    if (code === options.required) validators.push(Validators.required);
    controls[code] = new FormControl(initial?.[code] ?? '', { nonNullable: true, validators });
  }
  return new FormGroup(controls);
}

/** The texts typed, without blank languages: a missing translation is absent, not empty. */
export function contentTextOf(group: ContentTextGroup): ContentText {
  const text: ContentText = {};
  for (const [code, control] of Object.entries(group.controls)) {
    if (control.value.trim() !== '') text[code] = control.value.trim();
  }
  return text;
}

/** Like `contentTextOf`, but null when nothing was typed in any language. */
export function optionalContentText(group: ContentTextGroup): ContentText | null {
  const text = contentTextOf(group);
  return Object.keys(text).length > 0 ? text : null;
}
