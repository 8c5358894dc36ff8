// What the handles look like, painted on the live canvas in the frame that draws the curve:
// the selected pair's area of effect, its contribution, the knot lines, the grips and their
// labels. The SVG above (handle_layer.js) holds only what is hit, focused and read aloud:
// redrawing SVG shapes on every frame of a drag re-laid out and re-layerized the page
// (a 4x-throttled CPU: about 5 ms a frame), a canvas repaint costs well under 1.
// `shape` is in CSS px of the plot area (see handle_layer.js):
//   { color, background, band: [left, right] | null, curve: [[px, py] ...] | null,
//     lines: [px ...], grips: [{ px, py, square, lit, label, labelDx }] } (labelDx: 0 above the grip,
//     else beside it, on that side)

export function paintHandles(ctx, width, height, shape) {
  const { color, background } = shape;
  ctx.save();
  if (shape.band) {
    const [left, right] = shape.band;
    ctx.globalAlpha = 0.12;
    ctx.fillStyle = color;
    ctx.fillRect(left, 0, right - left, height);
    ctx.globalAlpha = 1;
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  if (shape.curve) {
    ctx.setLineDash([7, 4]);
    ctx.beginPath();
    shape.curve.forEach(([px, py], j) => (j ? ctx.lineTo(px, py) : ctx.moveTo(px, py)));
    ctx.stroke();
  }
  ctx.setLineDash([2, 4]);
  for (const px of shape.lines) {
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, height);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.font = "13px sans-serif";
  ctx.textBaseline = "alphabetic";
  for (const { px, py, square, lit, label, labelDx } of shape.grips) {
    ctx.beginPath();
    if (square) ctx.rect(px - 8, py - 8, 16, 16); else ctx.arc(px, py, 8, 0, 2 * Math.PI);
    ctx.fillStyle = lit ? color : background;  // filled while hovered or focused
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = color;
    ctx.stroke();
    // The label on a halo of the background, as SVG's paint-order: stroke did.
    // Kept inside the plot area: the canvas ends there (the SVG's labels could overhang).
    // A label beside its grip that would not fit goes under it instead.
    const half = ctx.measureText(label).width / 2;
    let middle = px + labelDx + Math.sign(labelDx) * half, y = py + (labelDx ? 4 : -14);
    if (middle - half < 2 || middle + half > width - 2) {
      middle = labelDx ? px : middle;
      y = labelDx ? py + 26 : y;
    }
    const x = Math.min(Math.max(middle, half + 2), width - half - 2);
    y = Math.min(Math.max(y, 13), height - 4);
    ctx.textAlign = "center";
    ctx.lineWidth = 4;
    ctx.lineJoin = "round";
    ctx.strokeStyle = background;
    ctx.strokeText(label, x, y);
    ctx.fillStyle = color;
    ctx.fillText(label, x, y);
  }
  ctx.restore();
}
