// The few TypeBox shapes the lab's schemas repeat, and the compile-time check
// that keeps a schema and a hand-written type equal.
import { Type, type SchemaOptions, type TLiteral, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';

/** `T | null`: a value the run may not have measured. */
export function Nullable<T extends TSchema>(schema: T, options?: SchemaOptions): TUnion<[T, TNull]> {
  return Type.Union([schema, Type.Null()], options);
}

/**
 * One of the given strings, from the const array the code already uses (so a new value reaches the schema by itself).
 */
export function OneOf<T extends string>(values: readonly T[], options?: SchemaOptions): TUnion<Array<TLiteral<T>>> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
}

/**
 * True only when A and B are the same type (optional, readonly and `| null`
 * included): mutual assignability would let `{ a?: number }` pass for `{ a: number }`.
 */
export type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** Fails to compile unless T is true: `type _X = Assert<Equal<A, B>>`. */
export type Assert<T extends true> = T;
