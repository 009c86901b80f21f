// subset-font 2.9.0 ships no types: the one call the dispute pack makes.
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: {
      targetFormat?: "sfnt" | "truetype" | "woff" | "woff2";
      preserveNameIds?: number[];
      dropTables?: string[];
    },
  ): Promise<Buffer>;
}
