#!/usr/bin/env node
// Stand-in for Prisma's native schema engine (see README.md in this folder).
// The Prisma CLI spawns this file; it runs main.ts through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
