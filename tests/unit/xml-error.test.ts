import { describe, expect, it } from 'vitest';
import { xmlErrorDetail } from '../../src/core/geo/xml-error';

describe('xmlErrorDetail', () => {
  it('keeps what xmldom says about the document, without its tag', () => {
    expect(xmlErrorDetail('[xmldom error]\tunclosed xml attribute\n@#[line:1,col:5]')).toBe('unclosed xml attribute');
  });
  it('turns an error inside the parser into a plain statement (found by fuzzing a GPX)', () => {
    expect(xmlErrorDetail("element parse error: TypeError: Cannot read properties of null (reading 'tagName')")).toBe('structure XML invalide');
  });
});
