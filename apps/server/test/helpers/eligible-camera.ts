/** Moved to the shared testkit (packages/testkit); the server's tests keep importing it from here. */
export * from '@vigia/testkit/eligible-camera';
