/**
 * Plain-English messages for the syntax error codes of jsonc-parser (`printParseErrorCode`), shared
 * by every reader of JSON files (knowledge base, sources file, GeoJSON data, scenarios).
 */
export const JSON_SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a field name in double quotes (a trailing comma is not allowed)',
  ValueExpected: 'expected a value (a trailing comma is not allowed)',
  ColonExpected: 'expected a colon ":" after the field name',
  CommaExpected: 'expected a comma "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'expected the end of the file after the closing bracket',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a text in double quotes is not closed',
  UnexpectedEndOfNumber: 'a number is not complete',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character after "\\"',
  InvalidCharacter: 'invalid character in a text (control characters must be escaped)',
};
