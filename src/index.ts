/**
 * kamaelia: the public surface of the dependency-free core. Everything here ships in the ES5 bundle.
 */
export * from "./core/index";
export * from "./components/index";
