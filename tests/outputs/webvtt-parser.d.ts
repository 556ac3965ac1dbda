/** Types for the parts of webvtt-parser (W3C's validator parser) the output tests use. */
declare module 'webvtt-parser' {
  export interface WebVttNode {
    type: 'text' | 'object' | 'timestamp';
    name?: string;
    value?: string;
    children?: WebVttNode[];
  }
  export interface WebVttCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVttNode[] };
  }
  export interface WebVttResult {
    cues: WebVttCue[];
    errors: Array<{ message: string; line: number; col?: number }>;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): WebVttResult;
  }
  const module: { WebVTTParser: typeof WebVTTParser };
  export default module;
}
