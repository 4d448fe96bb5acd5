import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'ba-not-found',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    <h1>{{ 'notFound.heading' | transloco }}</h1>
    <p>{{ 'notFound.text' | transloco }}</p>
    <a mat-flat-button routerLink="/">{{ 'notFound.backHome' | transloco }}</a>
  `,
  styles: `
    h1 {
      margin-top: 0;
      font: var(--mat-sys-headline-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
