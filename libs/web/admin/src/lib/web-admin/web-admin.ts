import { Component } from '@angular/core';

@Component({
  selector: 'ba-web-admin',
  imports: [],
  templateUrl: './web-admin.html',
  styleUrl: './web-admin.css',
})
export class WebAdmin {}
