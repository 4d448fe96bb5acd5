import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map, skip } from 'rxjs';
import { LanguageSwitch } from '../language-switch/language-switch';

// Below this width the navigation would squeeze the content, so it slides over it instead.
const NARROW_SCREEN = '(max-width: 839.98px)';

/** The frame around every page: top bar, navigation, language switch and the main landmark. */
@Component({
  selector: 'ba-root',
  imports: [
    LanguageSwitch,
    MatButtonModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
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

  /** Matches the toolbar height set in shell.scss, so the sliding navigation starts below the sticky bar. */
  protected readonly topBarHeight = 56;

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
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
