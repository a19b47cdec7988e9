"use client";
// True once the component runs in the browser. The charts draw only there: on the server they would
// cost render time on every request and have no size to draw at; the page's tables carry the figures.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
export const useMounted = () => useSyncExternalStore(subscribe, () => true, () => false);
