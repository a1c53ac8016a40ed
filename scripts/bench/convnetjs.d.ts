/** The small part of convnetjs 0.3.0 (CommonJS, no types of its own) that the bench uses. */
declare module 'convnetjs' {
  export interface LayerDef {
    type: 'input' | 'conv' | 'pool' | 'fc' | 'softmax';
    [option: string]: number | string;
  }
  export class Vol {
    constructor(sx: number, sy: number, depth: number, fill?: number);
    w: Float64Array;
  }
  export class Net {
    makeLayers(defs: LayerDef[]): void;
    forward(input: Vol, isTraining?: boolean): Vol;
    getPrediction(): number;
  }
  export interface TrainerOptions {
    method?: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad' | 'nesterov';
    learning_rate?: number;
    batch_size?: number;
    l2_decay?: number;
    momentum?: number;
  }
  export class Trainer {
    constructor(net: Net, options?: TrainerOptions);
    train(input: Vol, label: number): { loss: number; cost_loss: number };
  }
  const convnetjs: { Vol: typeof Vol; Net: typeof Net; Trainer: typeof Trainer };
  export default convnetjs;
}
