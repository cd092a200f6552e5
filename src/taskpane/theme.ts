/** The Fluent theme: web light, with Office's own colours when the host tells them. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

export function themeFor(office: OfficeThemeColours | null | undefined): Theme {
  if (!office) return webLightTheme;
  const base = office.isDarkTheme ? webDarkTheme : webLightTheme;
  const hex = (c: string | undefined) => (c && /^#?[0-9a-f]{6}$/i.test(c) ? (c.startsWith('#') ? c : `#${c}`) : undefined);
  const bg = hex(office.bodyBackgroundColor);
  const fg = hex(office.bodyForegroundColor);
  return {
    ...base,
    ...(bg ? { colorNeutralBackground1: bg } : {}),
    ...(fg ? { colorNeutralForeground1: fg } : {}),
  };
}
