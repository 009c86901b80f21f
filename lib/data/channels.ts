import "server-only";
import { open, seal } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import {
  CHANNELS_PER_USER,
  SECRET_MASK,
  TARGET_IS_SECRET,
  maskTarget,
  shortError,
  type ChannelKind,
} from "@/lib/domain/channels";
import { AppError } from "@/lib/errors/app-error";
import type { SendableChannel } from "@/lib/channels/types";
import { notFoundError } from "./errors";
import type { Actor } from "./users";

// A user's notification channels (decision 026). Every query is the actor's
// own; someone else's channel is "not found". A secret, and a target that is
// itself a credential, is sealed with the secret box before it is stored and
// leaves this file only inside a SendableChannel, for one send.

export type ChannelDto = {
  id: string;
  kind: ChannelKind;
  name: string;
  target: string;
  /** A mask when a secret is stored, else null: never the secret. */
  secret: string | null;
  enabled: boolean;
  createdAt: Date;
  lastSentAt: Date | null;
  lastStatus: "sent" | "failed" | null;
  lastError: string | null;
};

export type NewChannel = {
  kind: ChannelKind;
  name: string;
  target: string;
  secret: string | null;
  enabled: boolean;
};

export type ChannelChanges = {
  name?: string;
  target?: string;
  secret?: string | null;
  enabled?: boolean;
};

const SEAL_PURPOSE = "channel";

const rowSelect = {
  id: true,
  userId: true,
  kind: true,
  name: true,
  target: true,
  secretSealed: true,
  enabled: true,
  createdAt: true,
  lastSentAt: true,
  lastStatus: true,
  lastError: true,
} as const;

type ChannelRow = {
  id: string;
  userId: string;
  kind: string;
  name: string;
  target: string;
  secretSealed: string | null;
  enabled: boolean;
  createdAt: Date;
  lastSentAt: Date | null;
  lastStatus: string | null;
  lastError: string | null;
};

function toDto(row: ChannelRow): ChannelDto {
  const kind = row.kind as ChannelKind;
  return {
    id: row.id,
    kind,
    name: row.name,
    target: row.target,
    secret: row.secretSealed && !TARGET_IS_SECRET.has(kind) ? SECRET_MASK : null,
    enabled: row.enabled,
    createdAt: row.createdAt,
    lastSentAt: row.lastSentAt,
    lastStatus: row.lastStatus === "sent" || row.lastStatus === "failed" ? row.lastStatus : null,
    lastError: row.lastError,
  };
}

/** The stored target and sealed secret for what the user typed. */
function storedForm(actor: Actor, kind: ChannelKind, target: string, secret: string | null) {
  if (TARGET_IS_SECRET.has(kind)) {
    return { target: maskTarget(target), secretSealed: seal(SEAL_PURPOSE, actor.id, target) };
  }
  return { target, secretSealed: secret ? seal(SEAL_PURPOSE, actor.id, secret) : null };
}

/** The actor's channels, oldest first. */
export async function listChannels(actor: Actor): Promise<ChannelDto[]> {
  const rows = await db.channel.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: rowSelect,
  });
  return rows.map(toDto);
}

async function ownRow(actor: Actor, id: string): Promise<ChannelRow> {
  const row = await db.channel.findFirst({ where: { id, userId: actor.id }, select: rowSelect });
  if (!row) throw notFoundError("Channel");
  return row;
}

export async function getChannel(actor: Actor, id: string): Promise<ChannelDto> {
  return toDto(await ownRow(actor, id));
}

function limitReached(): AppError {
  return new AppError(
    "limit_reached",
    `You can keep at most ${CHANNELS_PER_USER} channels. Remove one first.`,
    { formMessage: { key: "channels.limitReached" }, details: { limit: CHANNELS_PER_USER } },
  );
}

/**
 * Stores a channel. The cap is counted before the insert in the same
 * transaction (a write transaction on SQLite is serialised, decision 008,
 * so two requests racing cannot both take the last place).
 */
export async function createChannel(
  actor: Actor,
  channel: NewChannel,
  now = new Date(),
): Promise<ChannelDto> {
  const stored = storedForm(actor, channel.kind, channel.target, channel.secret);
  return db.$transaction(async (tx) => {
    const count = await tx.channel.count({ where: { userId: actor.id } });
    if (count >= CHANNELS_PER_USER) throw limitReached();
    const row = await tx.channel.create({
      data: {
        userId: actor.id,
        kind: channel.kind,
        name: channel.name,
        enabled: channel.enabled,
        createdAt: now,
        ...stored,
      },
      select: rowSelect,
    });
    return toDto(row);
  });
}

/** The kind of one of the actor's channels (a change is checked against it). */
export async function channelKind(actor: Actor, id: string): Promise<ChannelKind> {
  return (await ownRow(actor, id)).kind as ChannelKind;
}

/**
 * Changes one of the actor's channels. A new target or secret replaces the
 * stored one and clears the last status, which was about the old one.
 */
export async function updateChannel(
  actor: Actor,
  id: string,
  changes: ChannelChanges,
): Promise<ChannelDto> {
  const row = await ownRow(actor, id);
  const kind = row.kind as ChannelKind;
  const data: Record<string, unknown> = {};
  if (changes.name !== undefined) data.name = changes.name;
  if (changes.enabled !== undefined) data.enabled = changes.enabled;
  if (changes.target !== undefined || changes.secret !== undefined) {
    if (TARGET_IS_SECRET.has(kind)) {
      if (changes.target !== undefined)
        Object.assign(data, storedForm(actor, kind, changes.target, null));
    } else {
      if (changes.target !== undefined) data.target = changes.target;
      if (changes.secret !== undefined) {
        data.secretSealed = changes.secret ? seal(SEAL_PURPOSE, actor.id, changes.secret) : null;
      }
    }
    Object.assign(data, { lastStatus: null, lastError: null, lastSentAt: null });
  }
  const { count } = await db.channel.updateMany({ where: { id, userId: actor.id }, data });
  if (count === 0) throw notFoundError("Channel");
  return getChannel(actor, id);
}

export async function deleteChannel(actor: Actor, id: string): Promise<void> {
  const { count } = await db.channel.deleteMany({ where: { id, userId: actor.id } });
  if (count === 0) throw notFoundError("Channel");
}

/** A stored row opened for sending, or null when its seal no longer opens (another auth secret). */
function sendable(row: ChannelRow): SendableChannel | null {
  const kind = row.kind as ChannelKind;
  const opened = row.secretSealed ? open(SEAL_PURPOSE, row.userId, row.secretSealed) : null;
  if (row.secretSealed && opened === null) return null;
  return TARGET_IS_SECRET.has(kind)
    ? { id: row.id, kind, target: opened ?? "", secret: null }
    : { id: row.id, kind, target: row.target, secret: opened };
}

/** One of the actor's channels, ready to send on (null: its secret cannot be read). */
export async function sendableChannel(actor: Actor, id: string): Promise<SendableChannel | null> {
  return sendable(await ownRow(actor, id));
}

/** The user's enabled channels, ready to send on; ones whose secret cannot be read are left out. */
export async function enabledChannelsOf(userId: string): Promise<SendableChannel[]> {
  const rows = await db.channel.findMany({
    where: { userId, enabled: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: rowSelect,
  });
  return rows.map(sendable).filter((c): c is SendableChannel => c !== null);
}

/** Records how the last send went: when, and its short error text. */
export async function recordChannelOutcome(
  actor: Actor,
  id: string,
  outcome: { ok: true } | { ok: false; error: string },
  now = new Date(),
): Promise<void> {
  await db.channel.updateMany({
    where: { id, userId: actor.id },
    data: outcome.ok
      ? { lastSentAt: now, lastStatus: "sent", lastError: null }
      : { lastSentAt: now, lastStatus: "failed", lastError: shortError(outcome.error) },
  });
}
