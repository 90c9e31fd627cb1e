/**
 * The util family: named exports of every component in this folder.
 */
export {};
