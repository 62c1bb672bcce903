// xmldom's fatal-error text, fit for a French message: its tag is dropped, and an error raised inside
// the parser itself (e.g. "element parse error: TypeError: Cannot read properties of null") says
// nothing to a user, so it becomes a plain statement. Shared by the workbench and the pipeline.
const ENGINE = /TypeError|RangeError|ReferenceError|Cannot read prop|is not a function|\bundefined\b/;

export function xmlErrorDetail(message: string): string {
  const line = message.split('\n')[0].replace(/\[xmldom [^\]]*\]\s*/, '');
  return ENGINE.test(line) ? 'structure XML invalide' : line;
}
