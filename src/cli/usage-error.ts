/** Bad input on the command line: the CLI exits with status 2 and this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
