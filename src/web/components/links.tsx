import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

/** Mantine look, TanStack Router navigation (typed `to`, `params`, `search`). */
type A = ComponentPropsWithRef<'a'>;

function AnchorBase(props: AnchorProps & A) {
  return <Anchor component="a" {...props} />;
}
function ButtonBase(props: ButtonProps & A) {
  return <Button component="a" {...props} />;
}
function NavLinkBase(props: NavLinkProps & A) {
  return <NavLink component="a" {...props} />;
}

export const LinkAnchor = createLink(AnchorBase);
export const LinkButton = createLink(ButtonBase);
export const LinkNav = createLink(NavLinkBase);
