// TensorFlow Playground's arithmetic, ported to plain JavaScript as the speed reference.
//
// The same computation as the Playground's src/nn.ts and src/dataset.ts (our own code,
// written from reading them): a graph of node and link objects, forward and backward
// one sample at a time, derivatives accumulated and applied every `batch` samples,
// square error on a tanh output with labels ±1, weights uniform in [-0.5, 0.5) and
// biases 0.1. Its spiral configuration: 2 inputs (x, y), 8-8 tanh, 1 output, SGD 0.03,
// batch 10, 500 points without noise split 50/50 into 250 training and 250 test points.
// One Playground frame is one epoch, the train and test loss, and a forward pass over
// every cell of a 100×100 grid that keeps every node's output (its decision boundary
// and the neurons' pictures).
//
//   node benchmarks/tfp_reference.mjs [--seconds S] [--json]
//
// Prints epochs per second for training only and for whole frames.

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1]) || 2;
const asJson = args.includes("--json");

// A small seeded generator (mulberry32), so every run trains the same network.
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(1);

const tanh = { output: (x) => Math.tanh(x), der: (x) => { const o = Math.tanh(x); return 1 - o * o; } };

class Neuron {
  constructor(activation) {
    this.activation = activation;
    this.inputLinks = [];
    this.outputs = [];
    this.bias = 0.1;
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
  }
  updateOutput() {
    let total = this.bias;
    for (const link of this.inputLinks) total += link.weight * link.source.output;
    this.totalInput = total;
    this.output = this.activation.output(total);
    return this.output;
  }
}

class Connection {
  constructor(source, dest) {
    this.source = source;
    this.dest = dest;
    this.weight = random() - 0.5;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

function build(shape) {
  const layers = [];
  shape.forEach((size, index) => {
    const layer = [];
    for (let i = 0; i < size; i++) {
      const neuron = new Neuron(tanh);
      if (index > 0) {
        for (const previous of layers[index - 1]) {
          const link = new Connection(previous, neuron);
          previous.outputs.push(link);
          neuron.inputLinks.push(link);
        }
      }
      layer.push(neuron);
    }
    layers.push(layer);
  });
  return layers;
}

function forward(layers, inputs) {
  layers[0].forEach((neuron, i) => { neuron.output = inputs[i]; });
  for (let l = 1; l < layers.length; l++) for (const neuron of layers[l]) neuron.updateOutput();
  return layers[layers.length - 1][0].output;
}

function backward(layers, target) {
  const out = layers[layers.length - 1][0];
  out.outputDer = out.output - target; // derivative of 0.5 (output - target)^2
  for (let l = layers.length - 1; l >= 1; l--) {
    const layer = layers[l];
    for (const neuron of layer) {
      neuron.inputDer = neuron.outputDer * neuron.activation.der(neuron.totalInput);
      neuron.accInputDer += neuron.inputDer;
      neuron.numAccumulatedDers++;
    }
    for (const neuron of layer) {
      for (const link of neuron.inputLinks) {
        link.errorDer = neuron.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const neuron of layers[l - 1]) {
      let der = 0;
      for (const link of neuron.outputs) der += link.weight * link.dest.inputDer;
      neuron.outputDer = der;
    }
  }
}

function update(layers, rate) {
  for (let l = 1; l < layers.length; l++) {
    for (const neuron of layers[l]) {
      if (neuron.numAccumulatedDers > 0) {
        neuron.bias -= (rate * neuron.accInputDer) / neuron.numAccumulatedDers;
        neuron.accInputDer = 0;
        neuron.numAccumulatedDers = 0;
      }
      for (const link of neuron.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (rate / link.numAccumulatedDers) * link.accErrorDer;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

function spiral(count) {
  const points = [];
  const half = count / 2;
  for (const [delta, label] of [[0, 1], [Math.PI, -1]]) {
    for (let i = 0; i < half; i++) {
      const r = (i / half) * 5;
      const t = ((1.75 * i) / half) * 2 * Math.PI + delta;
      points.push({ x: r * Math.sin(t), y: r * Math.cos(t), label });
    }
  }
  for (let i = points.length - 1; i > 0; i--) { // shuffled, then split in half
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  return [points.slice(0, count / 2), points.slice(count / 2)];
}

function epoch(layers, train, batch, rate) {
  train.forEach((point, i) => {
    forward(layers, [point.x, point.y]);
    backward(layers, point.label);
    if ((i + 1) % batch === 0) update(layers, rate);
  });
}

function loss(layers, points) {
  let total = 0;
  for (const point of points) {
    const output = forward(layers, [point.x, point.y]);
    total += 0.5 * (output - point.label) ** 2;
  }
  return total / points.length;
}

const DENSITY = 100;
const boundary = new Map(); // every node's output over the grid, as the Playground keeps it

function decisionBoundary(layers) {
  for (let l = 1; l < layers.length; l++) {
    for (const neuron of layers[l]) {
      if (!boundary.has(neuron)) boundary.set(neuron, new Float64Array(DENSITY * DENSITY));
    }
  }
  for (let i = 0; i < DENSITY; i++) {
    for (let j = 0; j < DENSITY; j++) {
      const x = -6 + (12 * i) / (DENSITY - 1);
      const y = 6 - (12 * j) / (DENSITY - 1);
      forward(layers, [x, y]);
      for (let l = 1; l < layers.length; l++) {
        for (const neuron of layers[l]) boundary.get(neuron)[i * DENSITY + j] = neuron.output;
      }
    }
  }
}

function rate(work) {
  const layers = build([2, 8, 8, 1]);
  const [train, test] = spiral(500);
  work(layers, train, test); // warm up the JIT once
  let epochs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    work(layers, train, test);
    epochs++;
    elapsed = performance.now() - start;
  }
  return { epochsPerSecond: (1000 * epochs) / elapsed, trainLoss: loss(layers, train) };
}

const training = rate((layers, train) => epoch(layers, train, 10, 0.03));
const frames = rate((layers, train, test) => {
  epoch(layers, train, 10, 0.03);
  loss(layers, train);
  loss(layers, test);
  decisionBoundary(layers);
});
const result = {
  reference: `node ${process.version}`,
  train_epochs_per_s: training.epochsPerSecond,
  frame_epochs_per_s: frames.epochsPerSecond,
  train_loss: training.trainLoss,
};
if (asJson) {
  console.log(JSON.stringify(result));
} else {
  console.log(`reference: TensorFlow Playground's arithmetic in ${result.reference}`);
  console.log(`training only: ${result.train_epochs_per_s.toFixed(1)} epochs/s`);
  console.log(`with its per-frame work: ${result.frame_epochs_per_s.toFixed(1)} epochs/s`);
}
