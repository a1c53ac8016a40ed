/**
 * The bare drawing page of `npm run bench`: one canvas that paints a dot for each pointer
 * event, and nothing else. What the machine and the browser manage here is the floor the
 * app is measured against. `?side=N` sets the canvas's size on screen (the app's pad size).
 */
const canvas = document.querySelector('canvas');
const ctx = canvas?.getContext('2d');
if (!canvas || !ctx) throw new Error('The bare drawing page needs a 2D canvas.');

// Styles through the CSSOM: the served page's Content-Security-Policy allows no inline style.
const side = Number(new URLSearchParams(location.search).get('side'));
Object.assign(canvas.style, { display: 'block', margin: '40px', background: '#000', touchAction: 'none' });
if (side > 0) canvas.style.width = canvas.style.height = `${side}px`;
ctx.fillStyle = '#fff';

function dot(e: PointerEvent): void {
  const rect = canvas!.getBoundingClientRect();
  const x = ((e.clientX - rect.left) / rect.width) * canvas!.width;
  const y = ((e.clientY - rect.top) / rect.height) * canvas!.height;
  ctx!.fillRect(x - 5, y - 5, 10, 10);
}

canvas.addEventListener('pointerdown', dot);
canvas.addEventListener('pointermove', (e) => {
  if (e.buttons) dot(e);
});
