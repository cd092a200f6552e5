/**
 * A picked file's bytes (「打开工作簿」, 「上年报告」), through FileReader: older webviews (and jsdom)
 * have no Blob.arrayBuffer.
 */
export function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsArrayBuffer(file);
  });
}
