import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as config from "@/lib/config";

afterEach(() => vi.unstubAllEnvs());

describe("configuration", () => {
  it("has a working default for every setting", () => {
    for (const name of [
      "PORT",
      "DATA_DIR",
      "DATABASE_URL",
      "BASE_URL",
      "UPLOAD_MAX_BYTES",
      "USER_QUOTA_BYTES",
      "ALLOW_REGISTRATION",
    ]) {
      vi.stubEnv(name, "");
    }
    expect(config.port()).toBe(3000);
    expect(config.dataDir()).toBe(path.resolve("data"));
    expect(config.databaseFile()).toBe(path.resolve("data", "cancelcase.db"));
    expect(config.baseUrl()).toBe("http://localhost:3000");
    expect(config.uploadMaxBytes()).toBe(20 * 1024 * 1024);
    expect(config.userQuotaBytes()).toBe(1024 * 1024 * 1024);
    expect(config.allowRegistration()).toBe(true);
  });

  it("reads overrides and puts the database inside DATA_DIR unless DATABASE_URL says otherwise", () => {
    vi.stubEnv("DATA_DIR", "/srv/cancelcase");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PORT", "8080");
    vi.stubEnv("BASE_URL", "");
    vi.stubEnv("ALLOW_REGISTRATION", "false");
    expect(config.databaseFile()).toBe("/srv/cancelcase/cancelcase.db");
    expect(config.baseUrl()).toBe("http://localhost:8080");
    expect(config.allowRegistration()).toBe(false);
    vi.stubEnv("DATABASE_URL", "file:/tmp/other.db");
    expect(config.databaseUrl()).toBe("file:/tmp/other.db");
  });

  it("refuses values that make no sense instead of guessing", () => {
    vi.stubEnv("PORT", "eighty");
    expect(() => config.port()).toThrow(/PORT/);
    vi.stubEnv("UPLOAD_MAX_BYTES", "-1");
    expect(() => config.uploadMaxBytes()).toThrow(/UPLOAD_MAX_BYTES/);
    vi.stubEnv("ALLOW_REGISTRATION", "maybe");
    expect(() => config.allowRegistration()).toThrow(/ALLOW_REGISTRATION/);
    vi.stubEnv("BASE_URL", "cancel.example.com");
    expect(() => config.baseUrl()).toThrow(/BASE_URL/);
    vi.stubEnv("DATABASE_URL", "postgres://x");
    expect(() => config.databaseFile()).toThrow(/DATABASE_URL/);
    vi.stubEnv("DATABASE_URL", "mysql://db.example.com/cancelcase");
    expect(() => config.databaseUrl()).toThrow(/DATABASE_URL/);
    vi.stubEnv("TELEGRAM_API_URL", "https://bot:pass@tg.example.com");
    expect(() => config.telegramApiUrl()).toThrow(/TELEGRAM_API_URL/);
    vi.stubEnv("TELEGRAM_API_URL", "ftp://tg.example.com");
    expect(() => config.telegramApiUrl()).toThrow(/TELEGRAM_API_URL/);
  });

  it("sends Telegram channels to api.telegram.org unless TELEGRAM_API_URL says otherwise", () => {
    expect(config.telegramApiUrl()).toBe("https://api.telegram.org");
    vi.stubEnv("TELEGRAM_API_URL", "http://tg-bot-api.lan:8081/");
    expect(config.telegramApiUrl()).toBe("http://tg-bot-api.lan:8081");
  });

  it("takes a PostgreSQL database from DATABASE_URL as given", () => {
    for (const url of ["postgres://cc:pw@db:5432/cancelcase", "postgresql://db/cancelcase"]) {
      vi.stubEnv("DATABASE_URL", url);
      expect(config.databaseUrl()).toBe(url);
      expect(config.usesPostgres()).toBe(true);
    }
    vi.stubEnv("DATABASE_URL", "file:/tmp/other.db");
    expect(config.usesPostgres()).toBe(false);
  });
});
