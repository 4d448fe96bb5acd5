import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map, skip } from 'rxjs';
import { Role } from '@border-academy/shared-contracts';
import { AuthSession, ErrorNotifier } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';
import { AccountMenu } from '../account-menu/account-menu';
import { LanguageSwitch } from '../language-switch/language-switch';
import { NotificationBell } from '../notifications/notification-bell';

// Below this width the navigation would squeeze the content, so it slides over it instead.
const NARROW_SCREEN = '(max-width: 839.98px)';

interface RoleArea {
  path: string;
  label: string;
  /** Active only on its own page, not on the pages under it that another link names. */
  exact?: boolean;
  /** Holders of any of these roles see the area. */
  roles: readonly Role[];
}

const ROLE_AREAS: readonly RoleArea[] = [
  { path: '/learning', label: i18nKey('learning.nav.catalogue'), roles: ['learner'], exact: true },
  { path: '/learning/my', label: i18nKey('areas.learning.title'), roles: ['learner'] },
  // admins may open authoring too, but their navigation stays on administration
  { path: '/authoring', label: i18nKey('areas.authoring.title'), roles: ['trainer', 'reviewer'] },
  { path: '/staff', label: i18nKey('areas.staff.title'), roles: ['hr'] },
  { path: '/admin', label: i18nKey('areas.administration.title'), roles: ['admin'] },
];

/** The frame around every page: top bar, navigation, language switch and the main landmark. */
@Component({
  selector: 'ba-root',
  imports: [
    AccountMenu,
    LanguageSwitch,
    MatButtonModule,
    MatSidenavModule,
    MatToolbarModule,
    NotificationBell,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly sidenav = viewChild.required(MatSidenav);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly session = inject(AuthSession);

  protected readonly user = this.session.user;
  /** The areas of the roles the user holds; none when signed out. */
  protected readonly areas = computed(() =>
    ROLE_AREAS.filter((area) => area.roles.some((role) => this.session.roles().has(role))),
  );

  /** Matches the toolbar height set in shell.scss, so the sliding navigation starts below the sticky bar. */
  protected readonly topBarHeight = 56;

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    // error messages' snack bar is fetched once the page is drawn: later, it may have to speak offline
    const notifier = inject(ErrorNotifier);
    afterNextRender(() => notifier.preload());
    // After moving to another page, screen reader and keyboard users start at its content, as on a
    // full page load; the first load leaves focus alone so the skip link stays the first tab stop.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.main().nativeElement.focus());
  }

  protected toggleNavigation(): Promise<unknown> {
    return this.sidenav().toggle();
  }

  protected closeNavigationIfOver(): void {
    if (this.narrow()) void this.sidenav().close();
  }

  protected skipToMain(event: Event): void {
    // A plain `#main-content` link would resolve against <base href> and leave the current page.
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
