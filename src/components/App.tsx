import { useReducer } from 'react';
import { INITIAL_LAB_STATE, labReducer } from '../state/labState';
import { EdgeLab } from './EdgeLab';
import { InputPanel } from './InputPanel';
import { useInputImage } from './useInputImage';
import { useMnist } from './useMnist';

/** ConvLens: the input on the left, the experiments on the right. */
export function App() {
  const [state, dispatch] = useReducer(labReducer, INITIAL_LAB_STATE);
  const mnist = useMnist();
  const image = useInputImage(state.source, mnist.data);
  return (
    <div className="app">
      <header className="app__header">
        <h1>
          ConvLens <span className="app__tagline">how a convolutional network sees a handwritten digit</span>
        </h1>
      </header>
      <main className="app__main">
        <InputPanel source={state.source} image={image} data={mnist.data} dataProgress={mnist.progress} dataError={mnist.error} dispatch={dispatch} />
        {image ? (
          <EdgeLab image={image} state={state} dispatch={dispatch} />
        ) : (
          <section className="panel edge-lab edge-lab--loading" aria-busy="true">
            <p className="muted">{mnist.error ?? 'Loading the first “2” of MNIST…'}</p>
          </section>
        )}
      </main>
    </div>
  );
}
