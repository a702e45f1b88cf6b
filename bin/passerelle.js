#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: one build, no compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
