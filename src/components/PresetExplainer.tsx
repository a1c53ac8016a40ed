/** Why the Notebook and Article presets give such different maps (see the seed notes). */
export function PresetExplainer() {
  return (
    <details className="explainer">
      <summary>Why do the two presets give such different maps?</summary>
      <p>
        Each filter has weight 2 along its line and −1 elsewhere. On a <strong>0/1 input</strong> (the{' '}
        <strong>Article</strong> preset), a thin line under the filter gives 2+2+2 = 6, but MNIST strokes are two or three
        pixels thick: the ink under the −1 weights cancels the line, and the sum rarely beats 2. So with “sum &gt; 2” only
        the thinnest parts of the stroke fire, and the maps are almost empty.
      </p>
      <p>
        The article's own code (the <strong>Notebook</strong> preset) convolved the raw <strong>0–255</strong> grey levels
        and kept cells whose sum is at least 2. With values up to 255, “at least 2” simply means “any positive response”,
        which marks every place where the stroke's edge matches the filter's direction: clear edge maps, like the
        article's figures. Same filters, same threshold number, different input scale.
      </p>
    </details>
  );
}
