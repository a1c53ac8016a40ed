/** Where the app finds the shipped model, relative to the page. */
export const PRETRAINED_MODEL_URL = 'models/default/model.json';
/** The file name of the single weights shard, as tfjs's own savers name it. */
export const WEIGHTS_FILE = 'group1-shard1of1.bin';
