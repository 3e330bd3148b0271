/**
 * A mainland China mobile number as Alibaba Cloud SMS takes it: 11 digits, 1 then 3–9. Spaces and
 * dashes people type are dropped, and a +86 / 0086 / 86 country prefix (which SendSms also accepts)
 * is taken off; anything else is not a mobile number. Null when it is not one.
 */
export function mainlandMobile(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}
