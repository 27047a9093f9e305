// The map as a file for slide decks comes from the server's writer, the same one as the CLI's
// `map --format`: an Excalidraw scene to annotate, an SVG, or a PNG.

export type MapFileFormat = 'png' | 'svg' | 'excalidraw';

export const mapFileUrl = (initiativeId: number, at: string | null, format: MapFileFormat): string =>
  `/api/v1/initiatives/${initiativeId}/map-file?format=${format}${at ? `&at=${encodeURIComponent(at.slice(0, 10))}` : ''}`;
